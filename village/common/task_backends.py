"""The task queue backend of the production profile (REDIS_URL): django-tasks-rq, exact to
the microsecond about when a task may run.

RQ files a scheduled job under its time rounded down to the whole second, so a retry due at
12:00:41.3 could run at 12:00:41.0, before it is due. Here the job is filed under its exact
time instead; RQ's scheduler, which looks in whole seconds, then runs it at most a second
late and never early.
"""

import django_rq
import django_tasks_rq


class RQBackend(django_tasks_rq.RQBackend):
    def enqueue(self, task, args, kwargs):
        result = super().enqueue(task, args, kwargs)
        if task.run_after is not None:
            queue = django_rq.get_queue(task.queue_name)
            registry = queue.scheduled_job_registry
            queue.connection.zadd(registry.key, {result.id: task.run_after.timestamp()}, xx=True)
        return result
