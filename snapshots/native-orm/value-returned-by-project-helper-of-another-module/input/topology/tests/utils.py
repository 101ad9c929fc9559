class CreateGraphObjectsMixin(object):
    def _create_node(self, **kwargs):
        options = {'label': 'TestNode'}
        options.update(kwargs)
        n = self.node_model(**options)
        n.full_clean()
        n.save()
        return n

    def _create_link(self, **kwargs):
        options = {'status': 'up'}
        options.update(kwargs)
        link = self.link_model(**options)
        link.full_clean()
        link.save()
        return link
