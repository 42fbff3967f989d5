from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.decorators import registry_editor


@registry_editor
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "imports/start.html")
