"""The mail worker: `send_enquiry_notifications --loop SECONDS`."""

import datetime
import io
import os
import signal
import threading

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from portal.enquiries.management.commands import send_enquiry_notifications as worker
from portal.enquiries.models import Notification

from .conftest import enquiry_data

pytestmark = pytest.mark.django_db(transaction=True)


def post_enquiry(**fields):
    response = Client().post("/en/enquire/", enquiry_data(**fields))
    assert response.status_code == 302


def later(seconds, action):
    def run():
        try:
            action()
        finally:
            connection.close()

    timer = threading.Timer(seconds, run)
    timer.start()
    return timer


def run_worker(interval, stop_after, stop_signal=signal.SIGTERM):
    out = io.StringIO()
    stopper = later(stop_after, lambda: os.kill(os.getpid(), stop_signal))
    try:
        call_command("send_enquiry_notifications", loop=interval, stdout=out)
    finally:
        stopper.cancel()
    return out.getvalue()


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_the_worker_sends_what_arrives_and_stops_cleanly(monkeypatch, stop_signal):
    clearsessions_runs = []
    real_call_command = worker.call_command
    monkeypatch.setattr(
        worker,
        "call_command",
        lambda name, *a, **kw: clearsessions_runs.append(name) or real_call_command(name, *a, **kw),
    )
    now = timezone.now()
    Session.objects.create(session_key="old", session_data="", expire_date=now)
    Session.objects.create(
        session_key="live", session_data="", expire_date=now + datetime.timedelta(hours=1)
    )
    post_enquiry()
    previous_handler = signal.getsignal(stop_signal)
    # An investor who writes while the worker runs is sent on its next round.
    writer = later(0.6, lambda: post_enquiry(email="li@example.cn", message="Power supply?"))

    output = run_worker(interval=0.2, stop_after=2.0, stop_signal=stop_signal)

    writer.join()
    assert output.rstrip().endswith("Stopped")
    assert sorted(m.to[0] for m in mail.outbox if m.to[0] != "invest@guanxian.example.cn") == [
        "anna@example.de",
        "li@example.cn",
    ]
    assert len(mail.outbox) == 4
    assert set(Notification.objects.values_list("state", "attempts")) == {("sent", 1)}
    # Expired sessions are cleared when the worker starts, then once an hour, not each round.
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]
    assert clearsessions_runs == ["clearsessions"]
    assert signal.getsignal(stop_signal) == previous_handler


def test_clearsessions_runs_again_after_its_interval(monkeypatch):
    monkeypatch.setattr(worker, "CLEAR_SESSIONS_EVERY", 0.3)
    now = timezone.now()
    expiring = now + datetime.timedelta(seconds=0.5)
    Session.objects.create(session_key="soon", session_data="", expire_date=expiring)
    run_worker(interval=0.1, stop_after=1.5)
    assert not Session.objects.exists()


def test_a_stop_during_a_round_leaves_the_rest_for_later(monkeypatch):
    for n in range(3):
        post_enquiry(email=f"n{n}@example.de", message=f"Question {n}")
    real_send = worker.send_notification

    def slow_send(notification):
        sent = real_send(notification)
        os.kill(os.getpid(), signal.SIGTERM)
        return sent

    monkeypatch.setattr(worker, "send_notification", slow_send)
    run_worker(interval=0.1, stop_after=10)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(state=Notification.State.PENDING).count() == 5


def test_the_loop_needs_a_positive_interval():
    with pytest.raises(CommandError):
        call_command("send_enquiry_notifications", loop=0)
