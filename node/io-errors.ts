/**
 * The one Chinese wording of file-system errors, shared by the app (electron/) and the CLI so both say the same
 * thing. Messages name the user's file (never a temporary file: the caller passes the path the user chose) and say
 * what to do. Node's own error.message is never shown: it is English and names whatever path the syscall used.
 */
export type IoAction = '打开' | '保存' | '导出' | '写入';

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** True for errors that carry a Node/libuv errno code (or our own EREADONLY). */
export function isIoError(error: unknown): boolean {
  return /^E[A-Z0-9_]+$/.test(codeOf(error)) || codeOf(error) === 'ERR_FS_FILE_TOO_LARGE';
}

export function describeIoError(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足。';
    case 'EACCES':
    case 'EPERM':
      return '没有权限，或文件正被其他程序（如 WPS、Excel、杀毒软件）占用。';
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正被其他程序占用。';
    case 'ENOENT':
    case 'ENOTDIR':
      return '文件或文件夹不存在。';
    case 'EROFS':
      return '该位置只读（如光盘、只读共享文件夹）。';
    case 'EISDIR':
      return '所选路径是文件夹，不是文件。';
    case 'EREADONLY':
      return '文件被设为只读。';
    case 'EEXIST':
      return '同名文件已存在。';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多。';
    case 'ENAMETOOLONG':
      return '文件名或路径过长。';
    case 'EFBIG':
    case 'ERR_FS_FILE_TOO_LARGE':
      return '文件过大。';
    case 'EIO':
      return '磁盘读写出错（磁盘或网络连接可能有问题）。';
    default:
      return '读写文件时出错。';
  }
}

/** What the user can do about it; reading and writing differ only where the advice does. */
function adviceFor(action: IoAction, code: string): string {
  const writing = action !== '打开';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return '请清理磁盘或另选保存位置。';
    case 'EACCES':
    case 'EPERM':
      return writing ? '请关闭占用该文件的程序，或另选有写入权限的位置。' : '请关闭占用该文件的程序，或请管理员授予读取权限。';
    case 'EBUSY':
    case 'ETXTBSY':
      return '请关闭占用该文件的程序（如 WPS、Excel）后重试。';
    case 'ENOENT':
    case 'ENOTDIR':
      return writing ? '请检查所在文件夹是否存在，或另选保存位置。' : '请检查路径是否正确，文件是否已被移动或删除。';
    case 'EROFS':
      return '请另选保存位置。';
    case 'EISDIR':
      return '请给出文件名，而不是文件夹。';
    case 'EREADONLY':
      return '请在文件属性中取消“只读”，或另存为其他文件。';
    case 'EEXIST':
      return '请换一个文件名。';
    case 'EMFILE':
    case 'ENFILE':
      return '请关闭一些程序后重试。';
    case 'ENAMETOOLONG':
      return '请缩短文件名，或保存到层级较浅的文件夹。';
    case 'EFBIG':
    case 'ERR_FS_FILE_TOO_LARGE':
      return writing ? '请另选支持大文件的位置（如 NTFS 格式的磁盘）。' : '请确认选择的文件是否正确。';
    default:
      return writing ? '请稍后重试，或另选保存位置。' : '请稍后重试，或确认文件是否完整。';
  }
}

/** "无法保存“预算.ysgk”：磁盘空间不足。请清理磁盘或另选保存位置。" — names the user's file, never a temp file. */
export function ioErrorMessage(action: IoAction, userPath: string, error: unknown): string {
  return `无法${action}“${userPath}”：${describeIoError(error)}${adviceFor(action, codeOf(error))}`;
}
