from django.urls import path

from chat import views

app_name = "chat"
urlpatterns = [
    path("slack/ask/", views.slack_ask, name="slack_ask"),
    path("teams/ask/", views.teams_ask, name="teams_ask"),
]
