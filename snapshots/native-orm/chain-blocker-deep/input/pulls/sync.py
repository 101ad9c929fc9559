from asgiref.sync import sync_to_async

from .models import ChangedFile, PullRequest


def _store_file(pr, changed, content):
    row = ChangedFile.objects.get(pull_request=pr, path=changed["filename"])
    row.patch.save(changed["filename"], content)


def _process_files(pr, files, contents: dict[str, bytes]):
    for changed in files:
        _store_file(pr, changed, contents[changed["filename"]])


@sync_to_async
def _process_pr_async(pr_id, files, contents):
    pr = PullRequest.objects.get(pk=pr_id)
    _process_files(pr, files, contents)
