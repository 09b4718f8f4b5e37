#!/usr/bin/env python3
"""An SMTP server on 127.0.0.1 for the mail tests (aiosmtpd): STARTTLS, implicit TLS or plain,
with a self-signed certificate it makes itself (written as ca.pem for the client to trust), a
login it requires, and an address it refuses. Every message received is saved in the folder as
NNN.eml, with NNN.json holding the envelope (sender and recipients).

  smtp_server.py FOLDER MODE USER PASSWORD REFUSED
MODE is starttls, tls or none. Writes the port to FOLDER/port once it listens."""
import json, os, socket, ssl, subprocess, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

folder, mode, user, password, refused = sys.argv[1:6]

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

context = None
if mode != "none":
    cert, key = os.path.join(folder, "ca.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

class Handler:
    count = 0

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address == refused:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        base = os.path.join(folder, "%03d" % Handler.count)
        with open(base + ".eml", "wb") as out:
            out.write(envelope.original_content)
        with open(base + ".json", "w") as out:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, out)
        return "250 Message accepted"

def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)

port = free_port()
options = dict(hostname="127.0.0.1", port=port, authenticator=authenticate, auth_required=True,
               # With implicit TLS aiosmtpd does not count the connection as secure and would hide AUTH.
               auth_require_tls=mode == "starttls", data_size_limit=200 * 1024 * 1024)
if mode == "starttls":
    controller = Controller(Handler(), tls_context=context, require_starttls=True, **options)
elif mode == "tls":
    controller = Controller(Handler(), ssl_context=context, **options)
else:
    controller = Controller(Handler(), **options)
controller.start()
with open(os.path.join(folder, "port.tmp"), "w") as out:
    out.write(str(port))
os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
try:
    time.sleep(3600)
finally:
    controller.stop()
