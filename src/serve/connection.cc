#include "serve/connection.h"

#include <sys/socket.h>
#include <unistd.h>

namespace receipts::serve {

Connection::~Connection() {
  if (fd >= 0) {
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }
}

void Connection::Compact() {
  buffer.erase(0, consumed);
  consumed = 0;
}

}  // namespace receipts::serve
