#!/usr/bin/env python3
"""An SMTP server that takes its time: each message is written to a maildir only after DELAY
seconds, like a slow relay. For the fault tests of the outbox worker (crates/jobtausch/tests).

    scripts/slow_smtp.py PORT MAILDIR DELAY_SECONDS

Needs aiosmtpd==1.4.6 (scripts/requirements-test.txt).
"""

import asyncio
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


class SlowMailbox(Mailbox):
    def __init__(self, maildir: str, delay: float):
        super().__init__(maildir)
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


def main() -> None:
    port, maildir, delay = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    controller = Controller(SlowMailbox(maildir, delay), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        asyncio.run(asyncio.Event().wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
