"""One program per desk file, and the first one comes forward when a second is started.

The desk lock (:class:`meetingdesk.store.lock.DeskLock`) decides who owns a desk. The owner
also listens on a local socket named after the desk; a second program that finds the lock
taken asks the owner, through that socket, to raise its window, then tells its user where the
desk is open and exits.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

REQUEST = b"raise\n"
RETRY_S = 0.05


def server_name(desk_path: Path) -> str:
    """The local socket name of a desk: the same for every spelling of its path."""
    digest = hashlib.sha256(str(desk_path.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"meetingdesk-{digest}"


class ActivationServer(QObject):
    """Listens, while a desk is open here, for other programs started on the same desk."""

    activation_requested = Signal()

    def __init__(self, desk_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        name = server_name(desk_path)
        QLocalServer.removeServer(name)  # a socket file left by a crash; we hold the lock
        if not self.server.listen(name):
            logger.warning("Cannot listen on %s: %s", name, self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(REQUEST.strip()):
            self.activation_requested.emit()
        socket.disconnectFromServer()

    def close(self) -> None:
        self.server.close()


def _left_ms(deadline: float) -> int:
    return max(0, round((deadline - time.monotonic()) * 1000))


def ask_owner_to_come_forward(desk_path: Path, timeout_ms: int = 1000) -> bool:
    """Ask the program that has ``desk_path`` open to raise its window; True if it heard.
    A program still starting listens a little after it has opened the desk
    (:data:`~meetingdesk.gui.desk_keeper.LISTEN_DELAY_MS`): nobody listening is asked again
    until ``timeout_ms`` has passed (a desk held by a command of the command line, which
    never listens, costs that wait before the refusal)."""
    deadline = time.monotonic() + timeout_ms / 1000
    socket = QLocalSocket()
    socket.connectToServer(server_name(desk_path))
    while not socket.waitForConnected(_left_ms(deadline)):
        if _left_ms(deadline) == 0:
            return False
        time.sleep(RETRY_S)
        socket.connectToServer(server_name(desk_path))
    socket.write(REQUEST)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent
