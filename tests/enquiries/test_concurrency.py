"""Fifty investors sending at once: fifty rows, fifty references, no error; one client
sending twenty at once: no more stored than the rate limit allows.

Runs on whichever database the suite uses: SQLite (a file, WAL, BEGIN IMMEDIATE) locally and
PostgreSQL (row lock on the year's counter) in CI.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from portal.enquiries.models import Enquiry, RecentSubmission, ReferenceCounter

from .conftest import enquiry_data, form_token, reference_from

SUBMISSIONS = 50


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_distinct_references(settings):
    settings.ENQUIRY_RATE_LIMIT = 1000
    barrier = threading.Barrier(SUBMISSIONS)
    results, errors = [], []
    lock = threading.Lock()

    def submit(n):
        try:
            client = Client(raise_request_exception=True)
            address = f"10.0.{n // 250}.{n % 250}"
            data = enquiry_data(
                email=f"investor{n}@example.de",
                message=f"Question {n}",
                token=form_token(address=address),
            )
            barrier.wait(timeout=60)
            response = client.post("/en/enquire/", data, REMOTE_ADDR=address)
            with lock:
                results.append((response.status_code, reference_from(response)))
        except Exception as error:  # collected and reported below
            with lock:
                errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert [status for status, _ in results] == [302] * SUBMISSIONS
    references = {reference for _, reference in results}
    assert len(references) == SUBMISSIONS
    assert set(Enquiry.objects.values_list("reference", flat=True)) == references
    assert Enquiry.objects.count() == SUBMISSIONS
    assert ReferenceCounter.objects.get().last == SUBMISSIONS


@pytest.mark.django_db(transaction=True)
def test_parallel_posts_from_one_client_store_no_more_than_the_limit(settings):
    settings.ENQUIRY_RATE_LIMIT = 5
    posts = 20
    barrier = threading.Barrier(posts)
    statuses, errors = [], []
    lock = threading.Lock()

    def submit(n):
        try:
            client = Client(raise_request_exception=True)
            data = enquiry_data(
                email=f"same{n}@example.de",
                message=f"Question {n}",
                token=form_token(address="203.0.113.50"),
            )
            barrier.wait(timeout=60)
            response = client.post("/en/enquire/", data, REMOTE_ADDR="203.0.113.50")
            with lock:
                statuses.append(response.status_code)
        except Exception as error:  # collected and reported below
            with lock:
                errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert sorted(statuses) == [302] * 5 + [429] * 15
    assert Enquiry.objects.count() == 5
    assert RecentSubmission.objects.count() == 5
    assert ReferenceCounter.objects.get().last == 5
