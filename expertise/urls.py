from django.urls import path

from expertise import views

app_name = "expertise"
urlpatterns = [
    path("people/", views.directory, name="directory"),
    path("people/me/edit/", views.edit_my_profile, name="edit_profile"),
    path("people/who-knows/", views.who_knows, name="who_knows"),
    path("people/<str:username>/", views.profile, name="profile"),
    path("people/<str:username>/endorse/", views.endorse, name="endorse"),
    path("people/<str:username>/self-assess/", views.self_assess, name="self_assess"),
    path("people/<str:username>/confirm/", views.confirm, name="confirm"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("map/", views.expertise_map, name="map"),
]
