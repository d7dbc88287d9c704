"""The signed-in person, with their profile and expert profile, in one prepared query.

Every request of a member whose page isn't kept starts here (AuthenticationMiddleware asks
the backend for the user). The ORM builds and compiles the same three-table SELECT on every
request, which costs several times the query itself; here it is compiled once per connection
(common/prepared.py), and the instances are exactly as select_related leaves them.
"""

from django.core.exceptions import ValidationError

from village.accounts.models import User
from village.common.prepared import Prepared

_SIGNED_IN = Prepared(
    lambda pk: User.objects.select_related("profile", "expert_profile").filter(pk=pk)
)


def load_signed_in(user_id) -> User | None:
    try:
        user_id = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    return _SIGNED_IN.first(pk=user_id)
