"""Kemendagri region codes (kode wilayah): province → kab/kota → kecamatan → desa/kelurahan."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.scope import within, within_q


class RegionQuerySet(models.QuerySet["Region"]):
    def within(self, code: str) -> "RegionQuerySet":
        """The region with this code and everything below it (codes nest as prefixes: 62 ⊃ 62.71 ⊃ 62.71.01)."""
        return self.filter(within_q("code", code))

    def regencies(self) -> "RegionQuerySet":
        return self.filter(level__in=[Region.Level.KABUPATEN, Region.Level.KOTA])


class Region(models.Model):
    """One administrative region, keyed by its Kemendagri code so that scope checks are prefix matches."""

    class Level(models.TextChoices):
        PROVINSI = "provinsi", _("Province")
        KABUPATEN = "kabupaten", _("Regency (kabupaten)")
        KOTA = "kota", _("City (kota)")
        KECAMATAN = "kecamatan", _("District (kecamatan)")
        KELURAHAN = "kelurahan", _("Urban village (kelurahan)")
        DESA = "desa", _("Village (desa)")
        DESA_ADAT = "desa_adat", _("Customary village (desa adat)")

    code = models.CharField(_("code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level)
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children")

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        indexes = [models.Index(fields=["parent", "name"]), models.Index(fields=["level", "code"])]

    def __str__(self) -> str:
        return self.name

    @property
    def regency_code(self) -> str:
        """The kab/kota code this region lies in ("" for a province)."""
        return self.code[:5] if len(self.code) >= 5 else ""

    def contains(self, code: str) -> bool:
        return within(code, self.code)

    def ancestor_codes(self) -> list[str]:
        parts = self.code.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]

    def full_name(self) -> str:
        """ "Desa X, Kec. Y, Kabupaten Z, Kalimantan Tengah" — one query for the whole chain."""
        chain = {r.code: r for r in Region.objects.filter(code__in=self.ancestor_codes())}
        names = [self.name] + [chain[c].name for c in reversed(self.ancestor_codes()) if c in chain]
        return ", ".join(names)


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None
