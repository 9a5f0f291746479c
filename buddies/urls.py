from django.urls import path

from buddies import views

app_name = "buddies"
urlpatterns = [
    path("", views.my_onboarding, name="mine"),
    path("new-hires/", views.my_new_hires, name="new_hires"),
    path("program/", views.program_dashboard, name="program"),
    path("program/export.csv", views.program_export, name="export"),
    path("cohorts/<int:pk>/match/", views.cohort_match, name="cohort_match"),
    path("<int:pk>/", views.onboarding_detail, name="onboarding"),
    path("<int:pk>/buddy/", views.choose_buddy, name="choose_buddy"),
    path("<int:pk>/check-ins/add/", views.add_check_in, name="add_check_in"),
    path("<int:pk>/end/", views.end, name="end"),
    path("<int:pk>/self-assess/", views.self_assess, name="self_assess"),
    path("<int:pk>/survey/<int:day>/", views.survey, name="survey"),
    path("check-ins/<int:pk>/", views.record_check_in, name="check_in"),
    path("check-ins/<int:pk>/cancel/", views.cancel_check_in, name="cancel_check_in"),
    path("milestones/<int:pk>/tick/", views.tick_milestone, name="tick"),
    path("questions/<int:pk>/raise-gap/", views.raise_question_as_gap, name="raise_question"),
    path("go-to/<int:pk>/introduced/", views.mark_introduced, name="introduced"),
]
