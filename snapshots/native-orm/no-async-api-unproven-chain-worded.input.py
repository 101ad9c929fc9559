from asgiref.sync import sync_to_async


@sync_to_async
def repodata_paths(publication):
    artifacts = publication.published_artifact.select_related(
        "content_artifact__artifact"
    ).filter(relative_path__startswith="repodata/")
    return [a.relative_path for a in artifacts]
