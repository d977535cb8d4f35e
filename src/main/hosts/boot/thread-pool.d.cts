export function coreCount(env: NodeJS.ProcessEnv): number;
export function threadPoolSize(cores: number): number;
export function sizeThreadPool(env: NodeJS.ProcessEnv): number;
