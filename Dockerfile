# The course in a container: JupyterLab on port 8888, with a token, run by the non-root user `student`, set
# up by the same ./course setup that CI runs. It is also a JupyterHub single-user image (Zero to JupyterHub,
# DockerSpawner): the hub's `jupyterhub-singleuser` replaces the command; README, "Classroom".
#
#   CPU:  docker build -t gan-course .
#         docker run --rm -p 127.0.0.1:8888:8888 -v gan-course-home:/home/student gan-course
#   GPU:  docker build --build-arg VARIANT=gpu -t gan-course-gpu .
#         docker run --rm --gpus all -p 127.0.0.1:8888:8888 -v gan-course-home:/home/student gan-course-gpu
#
# Open the http://127.0.0.1:8888/lab?token=... address that the container prints. The course lives in
# /opt/gan-course; at each start classroom/start copies the lessons it has not copied before into
# /home/student/gan-course (a student's changes are never overwritten). Datasets, trained models and
# checkpoints are fetched or made on first use in /home/student/data: the volume keeps them and the lessons.
# The kernel sizes its memory at each start from the container's limit (docker run --memory 2g).
# The GPU image needs the NVIDIA driver and the NVIDIA Container Toolkit on the host, nothing else.

ARG VARIANT=cpu
# A CUDA 11.x base: ND4J 1.0.0-M2.1's CUDA backend is built for CUDA 11.6 and cuDNN 8.3, and the setup
# brings that runtime inside its jars (JavaCPP's redistributable); the image adds NVIDIA's container
# wiring and the CUDA 11 compatibility libraries for older drivers. Another 11.x tag works the same.
ARG CUDA_BASE=nvidia/cuda:11.8.0-base-ubuntu22.04

FROM debian:bookworm-slim AS base-cpu
ENV GAN_COURSE_SETUP=""

FROM ${CUDA_BASE} AS base-gpu
ENV GAN_COURSE_SETUP="--gpu"

FROM base-${VARIANT}
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
# Java 17 and Maven build the library; fonts let Java draw the charts; Jupyter goes to a virtual environment,
# with jupyterhub for its jupyterhub-singleuser, at the major version of the current Zero to JupyterHub
# release (chart 4.x runs JupyterHub 5; a hub refuses a single-user server of another major version).
# The marker file lets ./course lab listen beyond 127.0.0.1: in this image only the published port reaches it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven python3 python3-venv \
      ca-certificates fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /opt/jupyter \
 && /opt/jupyter/bin/pip install --no-cache-dir "jupyterlab>=4,<5" "jupyterhub>=5,<6" "nbclient>=0.7" \
      "nbconvert>=6.5" "nbformat>=5.5" \
 && useradd --create-home --uid 1000 --shell /bin/bash student \
 && mkdir /opt/gan-course && chown student:student /opt/gan-course \
 && echo "the GAN course's Docker image" > /etc/gan-course-image
# JUPYTER_PATH: any Jupyter server in the image (the hub's single-user one too) finds the course's kernel.
ENV PATH=/opt/jupyter/bin:$PATH \
    JUPYTER_PATH=/opt/gan-course/build/jupyter \
    GAN_COURSE_DATA=/home/student/data \
    GAN_COURSE_IP=0.0.0.0

# Nothing below runs as root, and neither does the server. The course is outside the home, which a hub
# replaces with the student's own volume.
USER student
WORKDIR /opt/gan-course
COPY --chown=student:student . .
# Maven's download cache is not needed once the library and its jars are in lib/target/.
RUN mkdir -p "$GAN_COURSE_DATA" \
 && ./course setup $GAN_COURSE_SETUP \
 && rm -rf /home/student/.m2/repository

EXPOSE 8888
WORKDIR /home/student
ENTRYPOINT ["/opt/gan-course/classroom/start"]
CMD ["/opt/gan-course/course", "lab", "--port=8888"]
