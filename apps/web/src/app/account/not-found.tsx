// Nothing under /account: the app's own "not found".
export { default, metadata } from '../not-found';
