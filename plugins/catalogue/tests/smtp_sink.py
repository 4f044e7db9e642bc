#!/usr/bin/python3
"""A local SMTP server for the tests: smtp_sink.py OUT_DIR [USER PASSWORD].

Listens on 127.0.0.1 (a free port, written to OUT_DIR/port once ready), accepts AUTH
PLAIN/LOGIN without TLS when USER and PASSWORD are given (and then refuses mail from
anyone not logged in), and writes each message it receives to OUT_DIR/NNN.eml with the
envelope in OUT_DIR/NNN.rcpt. Runs until killed."""
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

out = sys.argv[1]
user = sys.argv[2].encode() if len(sys.argv) > 3 else None
password = sys.argv[3].encode() if len(sys.argv) > 3 else None
os.makedirs(out, exist_ok=True)


class Sink:
    count = 0

    async def handle_MAIL(self, server, session, envelope, address, options):
        if user and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        Sink.count += 1
        stem = os.path.join(out, "%03d" % Sink.count)
        with open(stem + ".rcpt", "w") as f:
            f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        with open(stem + ".eml", "wb") as f:
            f.write(envelope.original_content)
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password
    return AuthResult(success=ok)


probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
kwargs = {}
if user:
    kwargs = dict(authenticator=authenticator, auth_require_tls=False)
controller = Controller(Sink(), hostname="127.0.0.1", port=port, **kwargs)
controller.start()
with open(os.path.join(out, "port.tmp"), "w") as f:
    f.write(str(port))
os.rename(os.path.join(out, "port.tmp"), os.path.join(out, "port"))
while True:
    time.sleep(3600)
