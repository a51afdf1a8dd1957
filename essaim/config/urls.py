from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from essaim.api.urls import api

admin.site.site_header = _("Essaim — administration")
admin.site.site_title = "Essaim"
admin.site.index_title = _("Administration")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/essaim/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include("essaim.mastodon_api.urls")),
    path("", include("essaim.web.urls")),
]
