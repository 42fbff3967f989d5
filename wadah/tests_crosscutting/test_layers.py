"""The floors are true: every product module imports only from the layers below it, at module top level.

The layer list below is the one place the layering is written down (docs/decisions/0007-layers.md explains it).
Bottom first. An app may import from any app in a lower layer; inside its own layer only along the edges listed in
SAME_LAYER. An import inside a function, method or class body between two apps fails even when it points down:
a hidden import is how a cycle or an upward dependency creeps back in, so the rule is "at module top level".
Type-only imports under a module-level `if TYPE_CHECKING:` count as top-level imports (their direction is checked).

Not product modules: migrations (frozen history), tests, conftest.py, and wadah/testing.py (the test helpers,
which build whole scenarios across apps).
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wadah.settings import BASE_DIR

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("wadah", "regions", "audit", "workdays")),
    ("identity", ("accounts",)),
    ("records", ("registry", "letters")),
    (
        "capabilities",
        (
            "supervision",
            "services",
            "imports",
            "ormas_accounts",
            "complaints",
            "fieldreports",
            "coordination",
            "guidance",
            "grants",
            "opportunities",
            "awards",
            "partnerships",
        ),
    ),
    ("read models and audiences", ("insights", "portal", "api")),
    ("demo", ("demo",)),
)

# Allowed imports between two apps of the same layer (importer, imported). Complaints open supervision cases and
# field reports are filed in them and read through its compartments, so supervision sits below both; supervision
# itself names neither.
# The foundation apps use wadah's lib (workflow, numbers, files); wadah's lib names none of them.
SAME_LAYER: frozenset[tuple[str, str]] = frozenset(
    {
        ("complaints", "supervision"),
        ("fieldreports", "supervision"),
        # Meetings' agenda items and decisions are about cases (read through the compartment rule) and field
        # reports cite the joint protocol's clauses through a link model in coordination.
        ("coordination", "supervision"),
        ("coordination", "complaints"),
        ("coordination", "fieldreports"),
        # The grant gate reads sanctions in force (supervision) and filed activity reports (services).
        ("grants", "supervision"),
        ("grants", "services"),
        # An offer's conditions are the grant gate's plus the Ormas's capacity level (guidance's assessments).
        ("opportunities", "grants"),
        ("opportunities", "guidance"),
        # Award criteria score what the capability apps record: activity reports (services), guidance events and
        # capacity gains, grants with a verified LPJ, no sanctions (supervision). Other apps register more kinds
        # into awards/criteria.py from their ready() (e.g. partnerships), pointing at awards, not the reverse.
        ("awards", "services"),
        ("awards", "guidance"),
        ("awards", "grants"),
        ("awards", "supervision"),
        # Services refused under a sanction in force ask supervision's one definition of it (active_sanction).
        ("services", "supervision"),
        # Apps register their part of the pre-filled annual activity report with services (services/prefill.py).
        ("guidance", "services"),
        ("partnerships", "services"),
        # A business unit may be fostered by a guidance programme (figures per programme).
        ("partnerships", "guidance"),
        # Award rounds score partnerships in force: partnerships registers its criterion kind with awards.
        ("partnerships", "awards"),
        ("regions", "wadah"),
        ("audit", "wadah"),
        ("workdays", "wadah"),
        # The open-data API serves the public register through portal's query module (portal/register.py), the
        # one place that decides what the public sees; insights' notifications read portal's withholding requests.
        ("api", "portal"),
        ("insights", "portal"),
    }
)

LAYER_OF: dict[str, int] = {app: index for index, (_, apps) in enumerate(LAYERS) for app in apps}

# Modules that are test code even though they are not named test_*.
TEST_SUPPORT = {Path("wadah/testing.py")}


@dataclass(frozen=True)
class Import:
    importer: str  # app label of the importing module
    imported: str  # app label of the imported module
    where: str  # path:line, for the failure message
    top_level: bool


def _module_level(tree: ast.Module) -> Iterator[ast.stmt]:
    """Statements that run when the module is imported, outside any def or class (if/try blocks included)."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, ast.If | ast.Try | ast.With):
            for name in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, name, []):
                    pending.extend(child.body if isinstance(child, ast.ExceptHandler) else [child])


def _ready_hooks(tree: ast.Module) -> set[int]:
    """Imports in an AppConfig's ready(): Django's documented place to register with a lower app once every model
    is loaded (importing models at the top of apps.py raises AppRegistryNotReady). They run once at start-up like
    top-level imports, so they count as top level; their direction is still checked."""
    hooks = set()
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef) and any(
            isinstance(base, ast.Name | ast.Attribute) and ast.unparse(base).endswith("AppConfig") for base in cls.bases
        ):
            for method in cls.body:
                if isinstance(method, ast.FunctionDef) and method.name == "ready":
                    hooks |= {id(node) for node in ast.walk(method) if isinstance(node, ast.Import | ast.ImportFrom)}
    return hooks


def imports_of(source: str, *, app: str, where: str) -> list[Import]:
    """Every import of another known app in `source` (a module of `app`), whether it runs at top level or not."""
    tree = ast.parse(source)
    top = {id(node) for node in _module_level(tree)} | _ready_hooks(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            imported = name.split(".")[0]
            if imported in LAYER_OF and imported != app:
                found.append(Import(app, imported, f"{where}:{node.lineno}", id(node) in top))
    return found


def problems_of(imports: list[Import]) -> list[str]:
    """What breaks the layering: hidden imports, upward or sideways ones, and cycles between apps."""
    problems = []
    for imp in imports:
        if not imp.top_level:
            problems.append(f"{imp.where}: {imp.importer} imports {imp.imported} inside a function or class")
        low, high = LAYER_OF[imp.imported], LAYER_OF[imp.importer]
        if low > high:
            problems.append(f"{imp.where}: {imp.importer} imports {imp.imported}, a higher layer")
        elif low == high and (imp.importer, imp.imported) not in SAME_LAYER:
            problems.append(f"{imp.where}: {imp.importer} imports {imp.imported}, same layer, not in SAME_LAYER")
    edges = {(imp.importer, imp.imported) for imp in imports}
    for cycle in _cycles(edges):
        problems.append("import cycle between apps: " + " → ".join(cycle))
    return problems


def _cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """For every app that can reach itself through imports, one such path (enough to name the problem)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)

    def path_back(start: str) -> list[str]:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    return [*path, nxt]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
        return []

    return [cycle for cycle in map(path_back, sorted(graph)) if cycle]


def _is_product(path: Path) -> bool:
    parts = path.parts
    return not (
        "migrations" in parts
        or any(part == "tests" or part.startswith("tests_") for part in parts)
        or path.name.startswith("test_")
        or path.name == "conftest.py"
        or path in TEST_SUPPORT
    )


def product_modules() -> Iterator[tuple[str, Path]]:
    for app in LAYER_OF:
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            relative = path.relative_to(BASE_DIR)
            if _is_product(relative):
                yield app, relative


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in BASE_DIR.glob("*/apps.py")}
    assert apps - set(LAYER_OF) == set(), "add the new app to LAYERS"


def test_no_upward_hidden_or_cyclic_imports():
    imports = [
        imp
        for app, path in product_modules()
        for imp in imports_of((BASE_DIR / path).read_text(encoding="utf-8"), app=app, where=str(path))
    ]
    assert "\n".join(problems_of(imports)) == ""


# ------------------------------------------------------------ the checker catches what it is meant to


def _check(sources: dict[str, str]) -> list[str]:
    return problems_of([imp for app, src in sources.items() for imp in imports_of(src, app=app, where=f"{app}/x.py")])


def test_an_upward_import_fails():
    problems = _check({"registry": "from services.models import Application\n"})
    assert problems == ["registry/x.py:1: registry imports services, a higher layer"]


def test_a_downward_import_at_top_level_passes():
    assert _check({"services": "import registry.models\nfrom accounts.models import User\n"}) == []


def test_a_downward_import_inside_a_function_fails():
    source = "def f():\n    from registry.models import Ormas\n    return Ormas\n"
    assert _check({"services": source}) == ["services/x.py:2: services imports registry inside a function or class"]


def test_an_app_config_may_register_with_a_lower_app_in_ready_but_not_with_a_higher_one():
    source = (
        "from django.apps import AppConfig\n"
        "class C(AppConfig):\n"
        "    def ready(self):\n"
        "        from audit import visibility\n"
    )
    assert _check({"services": source}) == []
    assert _check({"audit": source.replace("from audit", "from services")}) == [
        "audit/x.py:4: audit imports services, a higher layer"
    ]


def test_a_sideways_import_fails_unless_listed():
    assert _check({"complaints": "from supervision.actions import open_case\n"}) == []
    assert _check({"services": "from imports.models import ImportBatch\n"}) == [
        "services/x.py:1: services imports imports, same layer, not in SAME_LAYER"
    ]


def test_a_cycle_fails():
    problems = _check({"complaints": "import supervision\n", "supervision": "import complaints\n"})
    assert "import cycle between apps: complaints → supervision → complaints" in problems


def test_type_checking_imports_count_as_top_level():
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from accounts.models import User\n"
    assert _check({"registry": source}) == []
    assert _check({"accounts": source.replace("accounts.models", "registry.models")}) == [
        "accounts/x.py:3: accounts imports registry, a higher layer"
    ]


def test_tests_import_helpers_from_modules_not_from_a_conftest():
    """Helpers live in wadah/testing.py (or an app's tests/helpers.py); a conftest holds fixtures only."""
    offenders = []
    folders = [BASE_DIR / app for app in LAYER_OF] + [BASE_DIR / "tests"]
    for path in sorted(p for folder in folders for p in folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] == "conftest":
                offenders.append(f"{path.relative_to(BASE_DIR)}:{node.lineno}")
    assert offenders == []
