from tests.factories import ProfileFactory


def make_profile(**kwargs):
    return ProfileFactory.create(**kwargs)
