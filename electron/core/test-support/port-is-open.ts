import { connect } from 'node:net';

/** Whether anything accepts a TCP connection on host:port (127.0.0.1 unless named): a listener left open shows here. */
export function portIsOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
