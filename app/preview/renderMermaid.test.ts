// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

const initialize = vi.fn();
vi.mock('mermaid', () => ({
  default: { initialize, render: async () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20"></svg>' }) },
}));

describe('renderMermaid', () => {
  it('keeps mermaid strict: labels are text, no click handlers, no scripts in what it draws', async () => {
    URL.createObjectURL = () => 'blob:drawn';
    const { renderMermaid } = await import('./renderMermaid.ts');
    await expect(renderMermaid('graph LR\n A --> B')).resolves.toEqual({ url: 'blob:drawn', width: 10, height: 20 });
    expect(initialize).toHaveBeenCalledWith(expect.objectContaining({ securityLevel: 'strict' }));
  });
});
