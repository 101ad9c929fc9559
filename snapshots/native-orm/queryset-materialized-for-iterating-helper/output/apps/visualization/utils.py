import re
from .models import Sources


def clean_keywords(keywords):
    data = []
    for keyword in keywords:
        splited_keywords = re.split(";|,|\|", keyword.strip())
        cleaned_keywords = [keyword.strip().capitalize() for keyword in filter(None, splited_keywords)]
        data = data + cleaned_keywords
    return list(set(data))


def sorted_topics(topics):
    return sorted({topic.strip().title() for topic in topics})


async def get_keywords():
    keywords = Sources.objects.filter(key_words__isnull=False).distinct('key_words').values_list('key_words', flat=True)
    return clean_keywords([value async for value in keywords])


async def get_topics(search=None):
    qs = Sources.objects.filter(topic__isnull=False)
    if search:
        qs = qs.filter(topic__icontains=search)
    return sorted_topics(
        [value async for value in qs.values_list('topic', flat=True)]  # one column, no model instances
    )
