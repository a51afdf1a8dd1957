from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def normalise_login(ident: str) -> str:
    """What a person typed to sign in, as the backend reads it: no spaces, no leading @."""
    return ident.strip().lstrip("@").strip().lower()


def find_login_account(ident: str):
    """The account a sign-in name or e-mail designates (active or not), or None."""
    ident = normalise_login(ident)
    if not ident:
        return None
    field = "email__iexact" if "@" in ident else "username__iexact"
    return get_user_model().objects.filter(**{field: ident}).order_by("id").first()


def login_rate_key(ip: str, ident: str) -> str:
    """Key the sign-in rate limit on the address and the resolved account, never on the
    typed string (`@admin`, `ADMIN` and admin's e-mail count against the same allowance)."""
    user = find_login_account(ident)
    who = f"id{user.pk}" if user is not None else f"name:{normalise_login(ident)}"
    return f"{ip or 'unknown'}:{who}"


class UsernameOrEmailBackend(ModelBackend):
    """Log in with a username or an e-mail address (case-insensitive)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        user = find_login_account(username)
        if user is None:
            get_user_model()().set_password(password)  # equalise timing with a real check
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
