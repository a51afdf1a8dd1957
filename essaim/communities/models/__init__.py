from .community import Community, Invitation, JoinRequest, Membership, Pin, Role
from .events import Event, Rsvp
from .files import FileVersion, Folder, SharedFile
from .ideas import Idea, IdeaComment, IdeaCredit, IdeaVote
from .links import Link
from .questions import Question
from .tasks import Task, TaskList

__all__ = [
    "Community", "Invitation", "JoinRequest", "Membership", "Pin", "Role", "Event", "Rsvp",
    "FileVersion", "Folder", "SharedFile", "Idea", "IdeaComment", "IdeaCredit", "IdeaVote",
    "Link", "Question", "Task", "TaskList",
]
