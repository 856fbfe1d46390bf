"""Builders for the chain's records: each makes a valid, published record unless told
otherwise."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from portal.chain.models import CapacityUnit, Certification, ChainGap, ChainStage, Enterprise

_serial = itertools.count(1)


def make_stage(**fields):
    n = next(_serial)
    defaults = {
        "name_en": f"Stage {n}",
        "name_zh_hans": f"环节{n}",
        "slug": f"stage-{n}",
        "order": n,
        "is_published": True,
    }
    return ChainStage.objects.create(**{**defaults, **fields})


def make_certification(**fields):
    n = next(_serial)
    defaults = {"code": f"ISO {9000 + n}", "slug": f"iso-{9000 + n}", "name_en": "Quality"}
    return Certification.objects.create(**{**defaults, **fields})


def make_enterprise(stages=(), certifications=(), **fields):
    n = next(_serial)
    defaults = {
        "name_en": f"Ring works {n}",
        "name_zh_hans": f"套圈企业{n}号",
        "slug": f"ring-works-{n}",
        "main_products_en": "Forged rings",
        "main_products_zh_hans": "锻造套圈",
        "capacity": Decimal(1000),
        "capacity_unit": CapacityUnit.TONNES,
        "last_checked": datetime.date(2026, 10, 1),
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    enterprise = Enterprise.objects.create(**{**defaults, **fields})
    enterprise.stages.set(stages)
    enterprise.certifications.set(certifications)
    return enterprise


def make_gap(stage, opportunities=(), **fields):
    n = next(_serial)
    defaults = {"title_en": f"Gap {n}", "title_zh_hans": f"缺口{n}", "is_published": True}
    gap = ChainGap.objects.create(stage=stage, **{**defaults, **fields})
    gap.opportunities.set(opportunities)
    return gap
