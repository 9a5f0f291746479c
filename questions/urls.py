from django.urls import path

from questions import views

app_name = "questions"
urlpatterns = [
    path("", views.question_list, name="list"),
    path("ask/", views.ask_topic, name="ask_topic"),
    path("ask/<str:username>/", views.ask_person, name="ask_person"),
    path("<int:question_id>/", views.question_detail, name="question"),
    path("<int:question_id>/answer/", views.answer, name="answer"),
    path("<int:question_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:question_id>/to-revision/", views.to_revision, name="to_revision"),
    path("answers/<int:answer_id>/accept/", views.accept, name="accept"),
    path("answers/<int:answer_id>/edit/", views.edit_answer, name="edit_answer"),
    path("answers/<int:answer_id>/withdraw/", views.withdraw_answer, name="withdraw_answer"),
]
