import { describe, expect, it } from 'vitest';
import { userMessage } from './use-file-actions';

describe('userMessage', () => {
  it('shows only the Chinese sentence the main process wrote, not Electron\'s English wrapper', () => {
    const wrapped = new Error("Error invoking remote method 'host:saveFile': Error: 无法保存“D:\\预算.ysgk”：磁盘空间不足。请清理磁盘或另选保存位置。");
    expect(userMessage(wrapped)).toBe('无法保存“D:\\预算.ysgk”：磁盘空间不足。请清理磁盘或另选保存位置。');
  });

  it('keeps a plain message and a thrown string as they are', () => {
    expect(userMessage(new Error('该历史版本已不存在'))).toBe('该历史版本已不存在');
    expect(userMessage('浏览器拒绝了下载')).toBe('浏览器拒绝了下载');
  });
});
