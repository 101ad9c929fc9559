"""Full-text search of operation log entries (Ghostwriter oplog consumers, in a management task)."""
from asgiref.sync import sync_to_async
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast, Left


class OplogEntry(models.Model):
    oplog_id = models.IntegerField()
    command = models.TextField(blank=True)
    output = models.TextField(blank=True)


@sync_to_async
def search_entries(oplog_id: int, terms: list[str]):
    def q_term(term):
        """A prefix match, or the words as typed."""
        return SearchQuery(f"{term}:*", search_type="raw", config="simple") | SearchQuery(
            term, config="simple"
        )

    def exact(term):
        return ~Q(command="") & Q(command__icontains=term)

    query = q_term(terms[0])
    for term in terms[1:]:
        query &= q_term(term)
    vector = SearchVector(Left(Cast("output", TextField()), 100000), config="simple")
    rows = OplogEntry.objects.filter(oplog_id=oplog_id).annotate(vector=vector)
    return list(rows.filter(Q(vector=query) | exact(terms[0])))


@sync_to_async
def has_command(term: str) -> bool:
    def loaded(term):
        # Not a builder: it runs a query.
        return OplogEntry.objects.filter(command=term).exists()

    return loaded(term.strip())
