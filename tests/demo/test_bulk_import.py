"""The bulk imports behind seeding: same rows and same rules as the one-by-one actions."""

from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils import timezone

from essaim import visibility as policy
from essaim.core.errors import ValidationFailed
from essaim.graph.models import Follow
from essaim.importers.company import (
    PostRow,
    UserRow,
    do_import_bookmarks,
    do_import_follows,
    do_import_likes,
    do_import_posts,
    do_import_users,
)
from essaim.posts.models import Post, Visibility


def _ago(minutes: int):
    return timezone.now() - timedelta(minutes=minutes)


def test_imported_accounts_share_one_password_and_keep_their_profile(db):
    ids = do_import_users([
        UserRow("ines", display_name="Inès Roy", department="RH", skills=["Paie", "formation"],
                languages="français, anglais", location="Lille"),
        UserRow("news", display_name="Company news", is_official=True, delegates=["ines"]),
        UserRow("jo", guest_of="Client Horizon", organisation_kind="customer"),
    ], password_hash=make_password("shared secret 1"))
    ines = authenticate(None, username="ines", password="shared secret 1")
    assert ines is not None and ines.id == ids["ines"]
    assert ines.department.name == "RH" and ines.location == "Lille"
    assert sorted(ines.skills.values_list("name", flat=True)) == ["formation", "paie"]
    assert ines.official_accounts.get().username == "news"
    jo = ines.__class__.objects.get(id=ids["jo"])
    assert jo.is_guest and jo.organisation.kind == "customer"


def test_importing_a_taken_username_is_refused(alice):
    with pytest.raises(ValidationFailed, match="taken"):
        do_import_users([UserRow("alice")], password_hash=make_password("x"))


def test_follows_are_imported_once_and_never_with_guests(alice, bob, guest):
    assert do_import_follows([(alice.id, bob.id), (alice.id, bob.id), (bob.id, bob.id)]) == 1
    assert Follow.objects.get().follower == alice
    with pytest.raises(ValidationFailed, match="guests"):
        do_import_follows([(alice.id, guest.id)])


def test_imported_posts_link_hashtags_mentions_and_urls(alice, bob):
    [post_id] = do_import_posts([PostRow(
        author_id=alice.id, created_at=_ago(30),
        text="Merci @bob pour #Atlas, voir https://example.com/notes et @nobody")])
    post = Post.objects.get(id=post_id)
    assert list(post.mentions.all()) == [bob]
    assert [t.display for t in post.hashtags.all()] == ["Atlas"]
    assert f'href="{reverse("web:profile", args=["bob"])}"' in post.html
    assert f'href="{reverse("web:hashtag", args=["atlas"])}"' in post.html
    assert 'href="https://example.com/notes"' in post.html
    assert "@nobody" in post.html and "/@nobody/" not in post.html


def test_imported_ids_follow_the_dates_of_the_posts(alice):
    old = PostRow(author_id=alice.id, created_at=_ago(600), text="Older")
    new = PostRow(author_id=alice.id, created_at=_ago(5), text="Newer")
    new_id, old_id = do_import_posts([new, old])
    assert new_id > old_id
    assert Post.objects.get(id=old_id).created_at == old.created_at


def test_a_thread_keeps_its_root_and_counts_its_replies(alice, bob, carol):
    root = PostRow(author_id=alice.id, created_at=_ago(60), text="Question #ia")
    answer = PostRow(author_id=bob.id, created_at=_ago(50), text="@alice yes", in_reply_to=root)
    follow_up = PostRow(author_id=carol.id, created_at=_ago(40), text="@bob how?",
                        in_reply_to=answer)
    do_import_posts([root, answer, follow_up])
    reply = Post.objects.get(id=follow_up.id)
    assert reply.thread_root_id == root.id and reply.in_reply_to_account == bob
    assert Post.objects.get(id=root.id).replies_count == 1
    assert Post.objects.get(id=answer.id).replies_count == 1


def test_a_reply_is_never_more_visible_than_what_it_answers(alice, bob, carol):
    secret = PostRow(author_id=alice.id, created_at=_ago(60), text="For followers",
                     visibility=Visibility.FOLLOWERS)
    reply = PostRow(author_id=bob.id, created_at=_ago(50), text="@alice ok",
                    in_reply_to=secret, visibility=Visibility.PUBLIC)
    do_import_posts([secret, reply])
    assert Post.objects.get(id=reply.id).visibility == Visibility.FOLLOWERS
    assert not policy.visible_posts(carol).filter(id=reply.id).exists()


def test_followers_only_posts_cannot_be_relayed(alice, bob):
    secret = PostRow(author_id=alice.id, created_at=_ago(60), text="For followers",
                     visibility=Visibility.FOLLOWERS)
    relay = PostRow(author_id=bob.id, created_at=_ago(50), relay_of=secret)
    with pytest.raises(ValidationFailed, match="relayed"):
        do_import_posts([secret, relay])
    assert not Post.objects.exists()


def test_a_relay_takes_the_visibility_of_the_original_and_is_counted(alice, bob):
    original = PostRow(author_id=alice.id, created_at=_ago(60), text="Launch!",
                       visibility=Visibility.PUBLIC)
    do_import_posts([original])
    [relay_id] = do_import_posts([PostRow(author_id=bob.id, created_at=_ago(50),
                                          relay_of=original.id, text="ignored")])
    relay = Post.objects.get(id=relay_id)
    assert relay.visibility == Visibility.PUBLIC and relay.text == ""
    assert Post.objects.get(id=original.id).relays_count == 1


def test_an_external_guest_posting_to_the_company_writes_privately(guest, alice):
    [post_id] = do_import_posts([PostRow(author_id=guest.id, created_at=_ago(5),
                                         text="@alice bonjour")])
    assert Post.objects.get(id=post_id).visibility == Visibility.DIRECT


def test_only_delegates_post_for_an_official_account(alice, bob, make_user):
    news = make_user("news", is_official=True)
    news.delegates.add(alice)
    do_import_posts([PostRow(author_id=news.id, posted_by_id=alice.id, created_at=_ago(5),
                             text="Annonce")])
    with pytest.raises(ValidationFailed, match="cannot post as"):
        do_import_posts([PostRow(author_id=news.id, posted_by_id=bob.id, created_at=_ago(5),
                                 text="Fake")])


def test_a_reply_cannot_come_before_its_parent(alice, bob):
    parent = PostRow(author_id=alice.id, created_at=_ago(5), text="Later")
    early = PostRow(author_id=bob.id, created_at=_ago(50), text="Earlier", in_reply_to=parent)
    with pytest.raises(ValidationFailed):
        do_import_posts([parent, early])


def test_too_long_texts_are_refused_like_everywhere_else(alice, settings):
    with pytest.raises(ValidationFailed, match="at most"):
        do_import_posts([PostRow(author_id=alice.id, created_at=_ago(5),
                                 text="x" * (settings.ESSAIM_POST_MAX_CHARS + 1))])


def test_likes_and_bookmarks_are_imported_once_and_counted(alice, bob):
    [post_id] = do_import_posts([PostRow(author_id=alice.id, created_at=_ago(60),
                                         text="Hello")])
    when = _ago(10)
    do_import_likes([(bob.id, post_id, when), (bob.id, post_id, when), (alice.id, post_id, when)])
    do_import_bookmarks([(bob.id, post_id, when)])
    post = Post.objects.get(id=post_id)
    assert post.likes_count == 2 == post.likes.count()
    assert post.likes.get(user=bob).created_at == when
    assert post.bookmarks.get().user == bob
