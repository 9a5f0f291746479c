from django.urls import path

from forums import views

app_name = "forums"
urlpatterns = [
    path("gaps/", views.gap_list, name="gaps"),
    path("gaps/new/", views.flag_gap, name="flag_gap"),
    path("gaps/<int:pk>/", views.gap_detail, name="gap"),
    path("gaps/<int:pk>/me-too/", views.me_too, name="me_too"),
    path("gaps/<int:pk>/triage/", views.triage_view, name="triage"),
    path("gaps/<int:pk>/decline/", views.decline, name="decline"),
    path("gaps/<int:pk>/merge/", views.merge, name="merge"),
    path("dashboard/", views.trainer_dashboard, name="dashboard"),
    path("candidates/raise/", views.raise_candidate, name="raise_candidate"),
    path("candidates/dismiss/", views.dismiss_candidate, name="dismiss_candidate"),
    path("tasks/", views.my_tasks, name="my_tasks"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("tasks/<int:pk>/status/", views.move_task, name="move_task"),
    path("tasks/<int:pk>/done/", views.complete_task, name="complete_task"),
    path("tasks/<int:pk>/cancel/", views.cancel_task, name="cancel_task"),
    path("groups/", views.group_list, name="groups"),
    path("groups/<slug:slug>/", views.group_detail, name="group"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
]
