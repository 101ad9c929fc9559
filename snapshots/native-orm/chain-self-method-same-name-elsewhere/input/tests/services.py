from ninja_extra.controllers.model.service import ModelService


class AuditedModelService(ModelService):
    """Writes an audit line before every update (the delete stays the parent's)."""

    def update(self, instance, data, **kwargs):
        print(f"update {instance.pk}: {sorted(data)}")
        return super().update(instance, data, **kwargs)
