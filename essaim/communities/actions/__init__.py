"""Every write to communities and their artefacts (web UI, native API, CLI, demo alike)."""

from .communities import (
    check_create_community,
    check_name,
    check_tags,
    do_archive,
    do_create_community,
    do_delete_community,
    do_set_decision,
    do_set_image,
    do_sweep_deadlines,
    do_unarchive,
    do_update_community,
)
from .events import do_create_event, do_delete_event, do_rsvp, do_update_event
from .files import (
    do_create_folder,
    do_delete_file,
    do_delete_folder,
    do_record_download,
    do_upload_file,
    do_upload_version,
)
from .ideas import (
    do_comment_idea,
    do_credit_idea,
    do_delete_idea,
    do_set_idea_status,
    do_submit_idea,
    do_unvote_idea,
    do_vote_idea,
)
from .links import do_add_link, do_delete_link, do_update_link
from .members import (
    access_invitation_token,
    do_accept_invitation,
    do_approve_request,
    do_cancel_request,
    do_decline_invitation,
    do_invite_account,
    do_invite_email,
    do_join,
    do_leave,
    do_register_guest,
    do_reject_request,
    do_remove_member,
    do_revoke_invitation,
    do_set_following,
    do_set_role,
)
from .posts import (
    do_accept_answer,
    do_mark_question,
    do_pin_announcement,
    do_post_in_community,
    do_unpin_announcement,
)
from .tasks import (
    do_create_task,
    do_create_task_list,
    do_delete_task,
    do_remind_due_tasks,
    do_set_task_status,
    do_update_task,
)

__all__ = [
    "check_create_community", "check_name", "check_tags", "do_archive", "do_create_community",
    "do_delete_community",
    "do_set_decision", "do_set_image", "do_sweep_deadlines", "do_unarchive",
    "do_update_community", "do_create_event", "do_delete_event", "do_rsvp", "do_update_event",
    "do_create_folder", "do_delete_file", "do_delete_folder", "do_record_download",
    "do_upload_file", "do_upload_version", "do_comment_idea", "do_credit_idea",
    "do_delete_idea", "do_set_idea_status", "do_submit_idea", "do_unvote_idea", "do_vote_idea",
    "do_add_link", "do_delete_link", "do_update_link", "access_invitation_token",
    "do_accept_invitation", "do_approve_request", "do_cancel_request",
    "do_decline_invitation", "do_invite_account", "do_invite_email", "do_join", "do_leave",
    "do_register_guest", "do_reject_request", "do_remove_member", "do_revoke_invitation",
    "do_set_following", "do_set_role", "do_accept_answer", "do_mark_question",
    "do_pin_announcement", "do_post_in_community", "do_unpin_announcement", "do_create_task",
    "do_create_task_list",
    "do_delete_task", "do_remind_due_tasks", "do_set_task_status", "do_update_task",
]
