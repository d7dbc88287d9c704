from django.db import migrations

AREAS = [
    ("E-safety", "Keeping children safe online: apps, games, social media and privacy."),
    ("Education", "Teaching, schools, learning at home and special educational needs."),
    ("Child psychology", "Feelings, behaviour, anxiety and development."),
    ("Paediatric health", "Children's health from doctors, nurses and health visitors."),
    ("Speech and language", "Talking, listening, stammering and bilingual families."),
    ("Sleep", "Babies', children's and teenagers' sleep."),
    ("Safeguarding", "Protecting children from harm, at school and beyond."),
    ("Careers and further education", "Subject choices, apprenticeships, university and work."),
]


def add_areas(apps, schema_editor):
    ExpertiseArea = apps.get_model("experts", "ExpertiseArea")
    for name, description in AREAS:
        ExpertiseArea.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [("experts", "0002_expertisearea_expertapplication")]

    operations = [migrations.RunPython(add_areas, migrations.RunPython.noop)]
