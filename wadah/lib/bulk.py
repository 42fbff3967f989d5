"""Writing many rows at once, the fastest way the database offers: COPY on PostgreSQL, bulk inserts elsewhere.

For the bulk paths of actions (an import of 10,000 Ormas with their name index and audit entries). The callers stay
the actions that own the rows; this module only moves them into the table:

* `insert_objects(model, objects)`: saved model instances (primary keys filled in, as bulk_create does). On
  PostgreSQL the keys are drawn from the table's sequence in one query and the rows go in with one COPY, so no
  INSERT is built or parsed and no array parameter is dumped; elsewhere bulk_create with large batches.
* `insert_values(model, rows)`: rows as {field: value}, the other fields their defaults, no instance built — for
  write-once rows whose keys nobody needs (audit entries).
* `insert_rows(model, columns, rows)`: plain tuples of database values — for narrow tables such as the name index.
None of them sends signals or calls save(), like bulk_create. A model with a database-side default or a generated
column goes through bulk_create instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connections, models
from django.utils import timezone

# Field types whose Python value psycopg writes as it is (no get_db_prep_save needed).
_PLAIN = frozenset(
    {
        "AutoField", "BigAutoField", "SmallAutoField", "CharField", "TextField", "SlugField", "EmailField",
        "URLField", "IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
        "PositiveBigIntegerField", "PositiveSmallIntegerField", "BooleanField", "DateField", "DateTimeField",
        "UUIDField", "ForeignKey", "OneToOneField",
    }
)  # fmt: skip
# Rows per INSERT on databases without COPY (Django lowers it further to the database's parameter limit).
BATCH = 5000


def _postgres(using: str) -> bool:
    return connections[using].vendor == "postgresql"


def _copyable(model: type[models.Model]) -> bool:
    """Whether every column can be written by value (no database-side default or generated column)."""
    return not any(
        getattr(f, "generated", False) or f.db_default is not models.NOT_PROVIDED for f in model._meta.concrete_fields
    )


def next_ids(model: type[models.Model], count: int, *, using: str = "default") -> list[int]:
    """`count` new primary keys of model's table, from its sequence (PostgreSQL only)."""
    table = model._meta.db_table
    column = model._meta.pk.column
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, column, count]
        )
        return [row[0] for row in cursor.fetchall()]


def _copy(model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]], using: str) -> None:
    table = connections[using].ops.quote_name(model._meta.db_table)
    names = ", ".join(connections[using].ops.quote_name(c) for c in columns)
    with (
        connections[using].cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,  # type: ignore[attr-defined]
    ):
        for row in rows:
            copy.write_row(row)


def insert_objects[M: models.Model](
    model: type[M], objects: list[M], *, keys: bool = True, using: str = "default"
) -> list[M]:
    """Insert unsaved instances (pk None); returns them with their primary keys, as bulk_create does.

    keys=False: the caller does not need the keys, so on PostgreSQL the table's default draws them (no query for
    them first) and the instances are left without."""
    if not objects:
        return objects
    if not _postgres(using) or not _copyable(model):
        return model._default_manager.using(using).bulk_create(objects, batch_size=BATCH)
    connection = connections[using]
    pk = model._meta.pk
    if keys:
        for obj, new in zip(objects, next_ids(model, len(objects), using=using), strict=True):
            setattr(obj, pk.attname, new)
    fields = [f for f in model._meta.concrete_fields if f.column and (keys or not f.primary_key)]
    plain = [f.get_internal_type() in _PLAIN for f in fields]

    def rows() -> Iterable[list[Any]]:
        for obj in objects:
            row = []
            for field, is_plain in zip(fields, plain, strict=True):
                value = field.pre_save(obj, True)
                row.append(value if is_plain else field.get_db_prep_save(value, connection))
            yield row

    _copy(model, [str(f.column) for f in fields], rows(), using)
    if keys:
        for obj in objects:
            obj._state.adding, obj._state.db = False, using
    return objects


def insert_values(model: type[models.Model], rows: list[dict[str, Any]], *, using: str = "default") -> None:
    """Insert rows given as {field name: value} (the other fields take their defaults; auto_now/auto_now_add
    fields the time of the call), without building a model instance per row. For write-once rows whose keys the
    caller does not need (audit entries)."""
    if not rows:
        return
    if not _postgres(using) or not _copyable(model):
        model._default_manager.using(using).bulk_create([model(**row) for row in rows], batch_size=BATCH)
        return
    connection = connections[using]
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if f.column and not f.primary_key]
    columns = []
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            default: Callable[[], Any] = lambda: now  # noqa: E731
        elif field.has_default() and callable(field.default):
            default = field.default
        else:
            default = (lambda value: lambda: value)(field.get_default())
        plain = field.get_internal_type() in _PLAIN
        # A row may give a related object ("actor") or its key ("actor_id").
        columns.append((field, field.name, field.attname, default, plain))

    def values() -> Iterable[list[Any]]:
        for row in rows:
            out = []
            for field, name, attname, default, plain in columns:
                if name in row:
                    value = row[name]
                    if field.is_relation and isinstance(value, models.Model):
                        value = value.pk
                elif attname in row:
                    value = row[attname]
                else:
                    value = default()
                out.append(value if plain else field.get_db_prep_save(value, connection))
            yield out

    _copy(model, [str(field.column) for field, *_rest in columns], values(), using)


def insert_rows(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]], *, using: str = "default"
) -> None:
    """Insert rows of plain database values (ints, strings, dates, None) into model's table, columns by name."""
    if _postgres(using):
        _copy(model, columns, rows, using)
        return
    connection = connections[using]
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [tuple(r) for r in rows])  # noqa: S608
