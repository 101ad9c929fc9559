from asgiref.sync import sync_to_async
import re
from .models import Sources


def clean_keywords(keywords):
    if not keywords:  # evaluated here first: a queryset's truth runs its query
        return []
    data = []
    for keyword in keywords:
        data += [k.strip() for k in filter(None, re.split(";|,", keyword))]
    return data


def cached_topics(topics, cache=None):
    if cache is None:
        return [topic.strip() for topic in topics]
    return cache


def source_titles(sources):
    return [source.title.strip() for source in sources]


@sync_to_async
def get_keywords():
    keywords = Sources.objects.filter(key_words__isnull=False).values_list('key_words', flat=True)
    return clean_keywords(keywords)


@sync_to_async
def get_topics():
    return cached_topics(Sources.objects.values_list('topic', flat=True))


@sync_to_async
def get_titles():
    return source_titles(Sources.objects.filter(topic__isnull=False))
