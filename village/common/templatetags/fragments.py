"""{% fragment key %}…{% endfragment %}: render once per key, then serve from the cache.

The view computes the key (see village/common/fragments.py) and may put already-fetched
fragments in the context as `fragments` (a dict by key) so the page costs one cache lookup.
"""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from village.common import fragments
from village.common.pagecache import PLACEHOLDER

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        if not key or not settings.FRAGMENT_CACHE_SECONDS:
            return self.nodelist.render(context)
        found = context.get("fragments")
        html = found.get(key) if found is not None else None
        if html is None:
            with context.push(csrf_token=PLACEHOLDER):
                html = self.nodelist.render(context)
            fragments.keep(key, html)
        return mark_safe(html)


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% fragment key %} takes one argument, the key.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]))
