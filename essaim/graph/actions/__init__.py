"""Writes to the social graph: follows, hashtag follows, blocks, mutes, lists."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from essaim import visibility as policy
from essaim.core.errors import NotFound, PermissionDenied, ValidationFailed
from essaim.notifications.actions import do_notify
from essaim.notifications.models import Notification
from essaim.posts.models import Hashtag
from essaim.timelines.store import timeline_store

from ..models import AccountList, Block, Follow, HashtagFollow, ListMember, Mute


def _target(user, account):
    if account is None or not policy.can_see_account(user, account):
        raise NotFound(_("This account does not exist or is not visible to you."))
    if account.id == user.id:
        raise ValidationFailed(_("You cannot do that to yourself."))
    return account


def do_follow(user, account) -> Follow:
    from essaim.timelines.tasks import backfill_from

    account = _target(user, account)
    if user.is_guest or account.is_guest:
        raise PermissionDenied(_("External guests cannot follow or be followed yet."))
    if Block.objects.filter(blocker=account, blocked=user).exists() or \
            Block.objects.filter(blocker=user, blocked=account).exists():
        raise PermissionDenied(_("You cannot follow this account."))
    existing = Follow.objects.filter(follower=user, followee=account).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            follow = Follow.objects.create(follower=user, followee=account)
            do_notify(account, user, Notification.Kind.FOLLOW)
            transaction.on_commit(lambda: backfill_from(user.id, account.id))
    except IntegrityError:
        return Follow.objects.get(follower=user, followee=account)
    return follow


def do_unfollow(user, account) -> None:
    from essaim.timelines.tasks import rebuild_timeline

    account = _target(user, account)
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(follower=user, followee=account).delete()
        if deleted:
            # What they brought is removed at once; a rebuild then restores what still
            # belongs (their direct posts to us, posts with hashtags we follow).
            store = timeline_store()
            transaction.on_commit(lambda: store.remove_source(user.id, account.id))
            transaction.on_commit(lambda: rebuild_timeline.enqueue(user.id))


def do_block(user, account) -> Block:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    account = User.objects.filter(pk=getattr(account, "pk", None)).first()
    if account is None:
        raise NotFound(_("This account does not exist or is not visible to you."))
    if account.id == user.id:
        raise ValidationFailed(_("You cannot do that to yourself."))
    with transaction.atomic():
        block, _created = Block.objects.get_or_create(blocker=user, blocked=account)
        Follow.objects.filter(follower=user, followee=account).delete()
        Follow.objects.filter(follower=account, followee=user).delete()
        store = timeline_store()

        def clean():
            store.remove_source(user.id, account.id)
            store.remove_source(account.id, user.id)

        transaction.on_commit(clean)
    return block


def do_unblock(user, account) -> None:
    Block.objects.filter(blocker=user, blocked_id=account.id).delete()


def do_mute(user, account) -> Mute:
    account = _target(user, account)
    mute, _created = Mute.objects.get_or_create(muter=user, muted=account)
    timeline_store().remove_source(user.id, account.id)
    return mute


def do_unmute(user, account) -> None:
    """Unmute, and bring the person's posts back into one's home timeline."""
    from essaim.timelines.tasks import rebuild_timeline

    deleted, _rows = Mute.objects.filter(muter=user, muted_id=account.id).delete()
    if deleted:
        transaction.on_commit(lambda: rebuild_timeline.enqueue(user.id))


def check_hashtag_name(name: str) -> str:
    name = (name or "").strip().lstrip("#")
    if not name or len(name) > 100 or not all(c.isalnum() or c == "_" for c in name):
        raise ValidationFailed(_("A hashtag has only letters, digits and underscores."))
    return name


def do_follow_hashtag(user, name: str) -> HashtagFollow:
    from essaim.timelines.tasks import rebuild_timeline

    if user.is_guest:
        raise PermissionDenied(_("External guests cannot follow hashtags."))
    name = check_hashtag_name(name)
    tag, _created = Hashtag.objects.get_or_create(name=name.lower(), defaults={"display": name})
    follow, created = HashtagFollow.objects.get_or_create(user=user, hashtag=tag)
    if created:
        transaction.on_commit(lambda: rebuild_timeline.enqueue(user.id))
    return follow


def do_unfollow_hashtag(user, name: str) -> None:
    from essaim.timelines.tasks import rebuild_timeline

    name = check_hashtag_name(name)
    deleted, _rows = HashtagFollow.objects.filter(user=user, hashtag__name=name.lower()).delete()
    if deleted:
        transaction.on_commit(lambda: rebuild_timeline.enqueue(user.id))


# --- Lists --------------------------------------------------------------------------

def check_list_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationFailed(_("A list needs a title."), field="title")
    if len(title) > 100:
        raise ValidationFailed(_("A list title has at most 100 characters."), field="title")
    return title


def access_list(user, list_id) -> AccountList:
    try:
        return AccountList.objects.get(pk=int(list_id), owner=user)
    except (AccountList.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("This list does not exist.")) from exc


def do_create_list(user, title: str) -> AccountList:
    return AccountList.objects.create(owner=user, title=check_list_title(title))


def do_rename_list(user, list_id, title: str) -> AccountList:
    account_list = access_list(user, list_id)
    account_list.title = check_list_title(title)
    account_list.save(update_fields=["title"])
    return account_list


def do_delete_list(user, list_id) -> None:
    access_list(user, list_id).delete()


def do_add_to_list(user, list_id, accounts) -> AccountList:
    account_list = access_list(user, list_id)
    for account in accounts:
        if not policy.can_see_account(user, account):
            raise NotFound(_("This account does not exist or is not visible to you."))
        ListMember.objects.get_or_create(account_list=account_list, account=account)
    return account_list


def do_remove_from_list(user, list_id, accounts) -> AccountList:
    account_list = access_list(user, list_id)
    ListMember.objects.filter(account_list=account_list,
                              account_id__in=[a.id for a in accounts]).delete()
    return account_list


def find_account(username: str):
    User = get_user_model()
    return User.objects.filter(username__iexact=(username or "").strip().lstrip("@")).first()
