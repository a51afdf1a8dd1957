import pytest

from essaim.realtime.broker import reset_broker


@pytest.fixture
def fresh_broker(settings):
    """The in-process broker, new for the test."""
    settings.ESSAIM_REALTIME_BROKER = "essaim.realtime.broker.inprocess.InProcessBroker"
    reset_broker()
    yield
    reset_broker()
