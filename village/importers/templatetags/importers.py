from django import template

from village.importers.attribution import attribution_for

register = template.Library()


@register.inclusion_tag("importers/_attribution.html", takes_context=True)
def attribution(context, post):
    """`{% attribution question %}` / `{% attribution answer %}`: the credit the licence asks
    for under an imported post (original author, site, link, licence); nothing otherwise."""
    record = attribution_for(post, context.get("request"))
    return {"record": record, "is_question": record is not None and record.kind == "question"}
