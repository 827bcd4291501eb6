/** The environment with what Dawn for Node needs to find SwiftShader, where Chromium ships it. */
export function withSwiftShader(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
