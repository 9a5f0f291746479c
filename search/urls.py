from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("", views.ask_page, name="ask"),
    path("go/<int:query_id>/", views.go, name="go"),
    path("answered/<int:query_id>/", views.answered, name="answered"),
    path("raise-gap/", views.raise_gap, name="raise_gap"),
]
