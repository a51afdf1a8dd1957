from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("")


home = login_view = logout_view = company = hashtag = profile = thread = _todo
