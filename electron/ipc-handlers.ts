import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { HOST_API_METHODS, IPC_PREFIX, type HostApi } from '../core/ipc/contract';
import { HOST_ARG_SCHEMAS, describeInvalid } from './ipc-schemas';
import { isTrustedSender } from './security';

/**
 * One ipcMain.handle per HostApi member. Each call first checks who is calling (top frame of app://bundle only),
 * then validates its single argument with the member's zod schema, then runs the service.
 */
export function registerHostHandlers(ipcMain: Pick<IpcMain, 'handle'>, service: HostApi, log: (message: string) => void = () => undefined): void {
  for (const method of HOST_API_METHODS) {
    const schema = HOST_ARG_SCHEMAS[method];
    ipcMain.handle(`${IPC_PREFIX}${method}`, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame)) {
        log(`拒绝来自 ${event.senderFrame?.url ?? '未知来源'} 的 ${method} 调用`);
        throw new Error('拒绝访问：调用方不是本应用页面');
      }
      if (args.length > 1) throw new Error(`调用 ${method} 的参数过多`);
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) throw new Error(describeInvalid(method, parsed.error));
      const call = service[method] as (arg: unknown) => Promise<unknown>;
      return call.call(service, parsed.data);
    });
  }
}
