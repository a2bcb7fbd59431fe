import { ClusterListSkeleton } from '../components/cluster-list-skeleton';
import { HomeHeader } from '../components/home-header';

export default function Loading() {
  return (
    <>
      <HomeHeader />
      <ClusterListSkeleton />
    </>
  );
}
