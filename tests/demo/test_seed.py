from collections import Counter

from django.contrib.auth import authenticate, get_user_model
from django.db.models import F
from django.urls import reverse

from essaim import visibility as policy
from essaim.core.pagination import Cursor
from essaim.demo import DEMO_PASSWORD
from essaim.graph.models import Follow
from essaim.notifications.models import Notification
from essaim.posts.models import Bookmark, Like, Post, Visibility
from essaim.timelines.models import TimelineEntry
from essaim.timelines.store import timeline_store


def test_follows_stay_mostly_inside_departments(seeded):
    pairs = Follow.objects.filter(follower__department__isnull=False,
                                  followee__department__isnull=False)
    inside = pairs.filter(follower__department=F("followee__department")).count()
    across = pairs.exclude(follower__department=F("followee__department")).count()
    assert inside > 2 * across > 0


def test_official_accounts_are_followed_by_almost_everyone_and_have_delegates(seeded):
    User = get_user_model()
    employees = User.objects.filter(kind=User.Kind.EMPLOYEE, is_official=False).count()
    news = User.objects.get(username="news")
    assert news.is_official and news.name == "Company news"
    assert Follow.objects.filter(followee=news).count() >= 0.85 * employees
    assert news.delegates.filter(username="camille").exists()
    assert User.objects.get(username="recrutement").delegates.exists()
    written_for_news = Post.objects.filter(author=news, relay_of__isnull=True)
    assert written_for_news.exists()
    assert not written_for_news.filter(posted_by__isnull=True).exists()


def test_every_employee_who_follows_someone_has_a_home_timeline(seeded):
    User = get_user_model()
    store = timeline_store()
    followers = User.objects.filter(kind=User.Kind.EMPLOYEE, following_set__isnull=False)
    for user in followers.distinct():
        assert store.page(user.id, Cursor(limit=5)), user.username
    guest = User.objects.get(username="guest")
    assert store.page(guest.id, Cursor(limit=5))


def test_home_timelines_hold_only_what_their_owner_may_see(seeded):
    for user in get_user_model().objects.all():
        held = TimelineEntry.objects.filter(owner=user).values_list("post_id", flat=True)
        visible = policy.visible_posts(user, Post.objects.filter(id__in=held))
        assert visible.count() == len(held), user.username


def test_people_only_react_to_posts_they_can_see(seeded):
    for user in get_user_model().objects.all():
        liked = Post.objects.filter(likes__user=user)
        assert policy.visible_posts(user, liked).count() == liked.count()
        marked = Post.objects.filter(bookmarks__user=user)
        assert policy.visible_posts(user, marked).count() == marked.count()
        answered = Post.objects.filter(replies__author=user).distinct()
        assert policy.visible_posts(user, answered).count() == answered.count()
        shared = Post.objects.filter(relays__author=user)
        assert policy.visible_posts(user, shared).count() == shared.count()


def test_guests_see_no_internal_posts_and_talk_in_direct_posts(seeded):
    guest = get_user_model().objects.get(username="guest")
    seen = policy.visible_posts(guest)
    assert not seen.filter(visibility=Visibility.COMPANY).exists()
    assert seen.filter(visibility=Visibility.DIRECT, mentions=guest).exists()
    assert not Post.objects.filter(author=guest, visibility=Visibility.COMPANY).exists()


def test_the_company_talks_in_threads_relays_quotes_likes_and_bookmarks(seeded):
    posts = Post.objects.all()
    assert posts.filter(in_reply_to__isnull=False).exists()
    assert posts.filter(thread_root__isnull=False).exclude(
        thread_root=F("in_reply_to")).exists()  # some replies answer replies
    assert posts.filter(relay_of__isnull=False).exists()
    assert posts.filter(quote_of__isnull=False).exists()
    assert Like.objects.exists() and Bookmark.objects.exists()
    visibilities = Counter(posts.filter(relay_of__isnull=True).values_list("visibility",
                                                                           flat=True))
    assert visibilities[Visibility.COMPANY] > visibilities[Visibility.FOLLOWERS] > 0
    assert visibilities[Visibility.PUBLIC] > 0 and visibilities[Visibility.DIRECT] > 0
    assert set(posts.exclude(language="").values_list("language", flat=True)) == {"fr", "en"}


def test_counters_match_the_rows_they_count(seeded):
    for post in Post.objects.filter(relay_of__isnull=True):
        assert post.likes_count == post.likes.count()
        assert post.replies_count == post.replies.count()
        assert post.relays_count == post.relays.count()
        assert post.quotes_count == post.quotes.count()


def test_posts_link_their_hashtags_and_mentions(seeded):
    tagged = Post.objects.filter(hashtags__isnull=False).distinct()
    assert tagged.exists()
    for post in tagged[:20]:
        for tag in post.hashtags.all():
            assert f'href="{reverse("web:hashtag", args=[tag.name])}"' in post.html
    mentioning = Post.objects.filter(mentions__isnull=False).distinct()
    assert mentioning.exists()
    for post in mentioning[:20]:
        for account in post.mentions.all():
            assert f'href="{reverse("web:profile", args=[account.username])}"' in post.html
    assert Post.objects.filter(html__contains='class="link"').exists()


def test_the_demo_logins_work_with_the_demo_password(seeded):
    User = get_user_model()
    for username in ("admin", "camille", "alex", "sofia", "guest"):
        assert authenticate(None, username=username, password=DEMO_PASSWORD), username
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="camille").department.name == "Communication"
    assert User.objects.get(username="alex").department.name == "R&D"
    assert User.objects.get(username="sofia").department.name == "Ventes"
    guest = User.objects.get(username="guest")
    assert guest.is_guest and guest.organisation.name == "Client Horizon"


def test_the_demo_logins_find_fresh_notifications(seeded):
    for username in ("alex", "camille", "sofia", "guest"):
        assert Notification.objects.filter(recipient__username=username).exists(), username


def test_seeded_notifications_are_dated_like_what_they_tell(seeded):
    """A reply written two hours ago is not announced as "2 min" ago."""
    about_posts = Notification.objects.filter(
        kind__in=[Notification.Kind.REPLY, Notification.Kind.MENTION, Notification.Kind.QUOTE])
    assert about_posts.exists()
    for notification in about_posts.select_related("post"):
        assert notification.created_at == notification.post.created_at, notification.kind
    reactions = Notification.objects.filter(
        kind__in=[Notification.Kind.LIKE, Notification.Kind.RELAY]).select_related("post")
    assert reactions.exists()
    for notification in reactions:
        assert notification.created_at >= notification.post.created_at
    times = {n.created_at.replace(second=0, microsecond=0) for n in Notification.objects.all()}
    assert len(times) > 3


def test_a_seeded_company_is_searchable_at_once(seeded):
    from django.contrib.auth import get_user_model

    from essaim.posts.models import Post
    from essaim.search.queries import search
    from essaim.text import words

    reader = get_user_model().objects.filter(kind="employee", is_official=False).first()
    post = Post.objects.filter(visibility="company", relay_of__isnull=True).exclude(text="") \
        .order_by("id").first()
    word = max(words(post.text), key=len)
    assert post.id in {p.id for p in search(reader, f"{word} ", "posts", limit=40).items} \
        or search(reader, f"{word} ", "posts").total > 40
