from .feedback import PageFeedback
from .ownership import OwnedPage, PageVerification
from .pages import ArticlePage, HomePage, PageTopic, ProcessPage
from .training import MaterialTopic, TrainingMaterial

__all__ = [
    "ArticlePage",
    "HomePage",
    "MaterialTopic",
    "OwnedPage",
    "PageFeedback",
    "PageTopic",
    "PageVerification",
    "ProcessPage",
    "TrainingMaterial",
]
