# Topic first: the tag managers of the other models need it registered.
from .topics import Topic  # isort: skip
from .evidence import Evidence, EvidenceKind, ExpertiseScore, SelfAssessment
from .people import AskMeAbout, Profile, Team

__all__ = [
    "AskMeAbout",
    "Evidence",
    "EvidenceKind",
    "ExpertiseScore",
    "Profile",
    "SelfAssessment",
    "Team",
    "Topic",
]
