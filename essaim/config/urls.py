from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from essaim.api.urls import api
from essaim.web.views import media as media_views

admin.site.site_header = _("Essaim — administration")
admin.site.site_title = "Essaim"
admin.site.index_title = _("Administration")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/essaim/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Post images through the visibility policy; only avatars are plain files.
    path("media/attachments/<int:media_id>/<str:kind>", media_views.attachment,
         name="media_attachment"),
    re_path(r"^media/(?P<path>avatars/[^/]+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include("essaim.mastodon_api.urls")),
    path("", include("essaim.web.urls")),
]
