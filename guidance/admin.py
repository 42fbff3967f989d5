"""Admin sistem maintains the reference data of guidance: programme types and the assessment instrument.

An instrument that has been used is read-only (its scores must keep their meaning); "Copy as a new version"
makes an editable draft of it."""

from typing import Any

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from guidance.models import AnswerOption, Dimension, Instrument, ProgrammeType, Question


@admin.register(ProgrammeType)
class ProgrammeTypeAdmin(admin.ModelAdmin[ProgrammeType]):
    list_display = ["name", "code", "order", "is_active"]
    list_editable = ["order", "is_active"]
    prepopulated_fields = {"code": ["name"]}


class FrozenWhenUsed:
    """Read-only once an assessment used the instrument this row belongs to."""

    def _instrument(self, obj: Any) -> Instrument | None:
        raise NotImplementedError

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        instrument = self._instrument(obj) if obj is not None else None
        if instrument is not None and instrument.is_frozen:
            return False
        return super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        instrument = self._instrument(obj) if obj is not None else None
        if instrument is not None and instrument.is_frozen:
            return False
        return super().has_delete_permission(request, obj)  # type: ignore[misc]


class DimensionInline(admin.TabularInline[Dimension, Instrument]):
    model = Dimension
    extra = 0
    show_change_link = True


@admin.register(Instrument)
class InstrumentAdmin(FrozenWhenUsed, admin.ModelAdmin[Instrument]):
    list_display = ["name", "version", "is_active"]
    inlines = [DimensionInline]
    actions = ["copy_as_new_version", "put_in_use"]

    def _instrument(self, obj: Any) -> Instrument | None:
        return obj

    @admin.action(description=_("Copy as a new version"))
    @transaction.atomic
    def copy_as_new_version(self, request: HttpRequest, queryset: QuerySet[Instrument]) -> None:
        for instrument in queryset:
            version = (Instrument.objects.aggregate(v=Max("version"))["v"] or 0) + 1
            copy = Instrument.objects.create(name=instrument.name, version=version, source=instrument.source)
            for dimension in instrument.dimensions.all():
                new_dimension = Dimension.objects.create(
                    instrument=copy, code=dimension.code, name=dimension.name, order=dimension.order
                )
                for question in dimension.questions.all():
                    new_question = Question.objects.create(
                        dimension=new_dimension,
                        text=question.text,
                        evidence_hint=question.evidence_hint,
                        order=question.order,
                    )
                    AnswerOption.objects.bulk_create(
                        [
                            AnswerOption(question=new_question, label=o.label, score=o.score)
                            for o in question.options.all()
                        ]
                    )
            messages.success(request, _("Version %(v)s created; edit it, then put it in use.") % {"v": version})

    @admin.action(description=_("Put in use for new assessments"))
    @transaction.atomic
    def put_in_use(self, request: HttpRequest, queryset: QuerySet[Instrument]) -> None:
        chosen = queryset.first()
        if chosen is None:
            return
        Instrument.objects.filter(is_active=True).update(is_active=False)
        Instrument.objects.filter(pk=chosen.pk).update(is_active=True)


class QuestionInline(admin.TabularInline[Question, Dimension]):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(Dimension)
class DimensionAdmin(FrozenWhenUsed, admin.ModelAdmin[Dimension]):
    list_display = ["name", "code", "instrument", "order"]
    list_filter = ["instrument"]
    inlines = [QuestionInline]

    def _instrument(self, obj: Any) -> Instrument | None:
        return obj.instrument


class AnswerOptionInline(admin.TabularInline[AnswerOption, Question]):
    model = AnswerOption
    extra = 0


@admin.register(Question)
class QuestionAdmin(FrozenWhenUsed, admin.ModelAdmin[Question]):
    list_display = ["text", "dimension", "order"]
    list_filter = ["dimension__instrument"]
    inlines = [AnswerOptionInline]

    def _instrument(self, obj: Any) -> Instrument | None:
        return obj.dimension.instrument
