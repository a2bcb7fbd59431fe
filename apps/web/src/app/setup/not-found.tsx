// The same as the sign-in page's: the way on from here is to sign in.
export { default, metadata } from '../login/not-found';
